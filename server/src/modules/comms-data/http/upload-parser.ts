import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../platform/errors';
import { UPLOAD_CONTENT_TYPES, UPLOAD_LIMIT_BYTES } from '../upload-file';

/**
 * Lets the module's upload routes take a file as the raw request body (text/csv, or
 * application/octet-stream for Parquet, gzip). The parser only hands the stream on: the body is
 * written to `comms/uploads/` by the use case, after the access rule, the dataset's visibility and
 * the profile have been checked, so nobody can fill the disk without being allowed to import.
 *
 * Fastify does not count a body it hands on as a stream, so its limit is checked here, from the
 * declared length, before anything is read (saveUpload counts what actually comes). Only the
 * upload routes (which declare the upload limit) take a file; the module's JSON routes refuse one
 * as every other route does. Registered in the module's own context (its `setup`).
 */
export function acceptUploads(app: FastifyInstance): void {
  app.addContentTypeParser(
    UPLOAD_CONTENT_TYPES,
    { bodyLimit: UPLOAD_LIMIT_BYTES },
    (request, payload, done) => {
      if (request.routeOptions.bodyLimit !== UPLOAD_LIMIT_BYTES)
        done(new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.'), undefined);
      else if (Number(request.headers['content-length']) > UPLOAD_LIMIT_BYTES)
        done(
          new AppError('PAYLOAD_TOO_LARGE', `Uploads are limited to ${UPLOAD_LIMIT_BYTES} bytes.`),
          undefined,
        );
      else done(null, payload);
    },
  );
}
