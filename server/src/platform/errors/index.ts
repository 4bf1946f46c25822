export { AppError, type ErrorCode, type ErrorDetails, errorCodes } from './app-error';
export { httpStatusOf } from './http-status';
