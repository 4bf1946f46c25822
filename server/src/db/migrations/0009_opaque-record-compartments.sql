-- Rule 17: a dataset's compartment was named after the dataset and described with its
-- authorisation reference, which the administrator reads without access to the dataset. Each is
-- renamed as platform/access/record-compartment.ts names new ones: its kind and the start of the
-- dataset's id ('dataset 1f3a9c2e'; the whole id where another compartment has that name or
-- another dataset's id starts alike), with no description. Compartments that hold no dataset
-- (made by an administrator) keep the names they were given.
UPDATE "compartments" AS c
SET "name" = 'dataset ' || CASE
      WHEN EXISTS (
        SELECT 1 FROM "comms_datasets" AS o
        WHERE o."id" <> d."id" AND left(o."id"::text, 8) = left(d."id"::text, 8)
      ) OR EXISTS (
        SELECT 1 FROM "compartments" AS x
        WHERE x."id" <> c."id" AND x."name" = 'dataset ' || left(d."id"::text, 8)
      )
      THEN d."id"::text
      ELSE left(d."id"::text, 8)
    END,
    "description" = ''
FROM "comms_datasets" AS d
WHERE d."compartment_id" = c."id" AND c."kind" = 'dataset';
