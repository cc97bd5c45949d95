import { z } from 'zod';
import { badRequest } from './errors';

/**
 * The request bodies @forge/kvs 1.6.5 sends (see node_modules/@forge/kvs/out/interfaces/kvs-api.d.ts).
 * Objects are not strict: the SDK may add fields in later versions and the store should not break.
 * Values that carry their own rules (keys, limits, conditions) are checked afterwards with
 * Forge's error codes instead of zod's generic ones.
 */
export const metadataFieldSchema = z.enum(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']);
export type MetadataField = z.infer<typeof metadataFieldSchema>;

const metadataFields = z.array(metadataFieldSchema).optional();
const getOptions = z.object({ metadataFields }).optional();
const ttl = z.object({ value: z.number(), unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']) });
const ttlOnly = z.object({ ttl: ttl.optional() }).optional();

export const setOptionsSchema = z
  .object({
    ttl: ttl.optional(),
    keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
    returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
    returnMetadataFields: metadataFields,
  })
  .optional();
export type SetOptions = z.infer<typeof setOptionsSchema>;

/** A condition as sent; the condition name and values are checked by conditions.ts. */
export const rawConditionSchema = z.object({ condition: z.string(), values: z.array(z.unknown()) });
export const rawFilterSchema = rawConditionSchema.extend({ property: z.string() });
export type RawFilter = z.infer<typeof rawFilterSchema>;
export const rawFiltersSchema = z.object({
  and: z.array(rawFilterSchema).optional(),
  or: z.array(rawFilterSchema).optional(),
});
export type RawFilters = z.infer<typeof rawFiltersSchema>;

const key = z.string();
const entityName = z.string();

export const getBody = z.object({ key, options: getOptions });
export const setBody = z.object({ key, value: z.unknown(), options: setOptionsSchema });
export const deleteBody = z.object({ key });
export const entityGetBody = getBody.extend({ entityName });
export const entitySetBody = setBody.extend({ entityName });
export const entityDeleteBody = deleteBody.extend({ entityName });

export const queryBody = z.object({
  limit: z.number().optional(),
  after: z.string().optional(),
  where: z.array(z.object({ property: z.string(), condition: z.string(), values: z.array(z.unknown()) })).optional(),
  options: getOptions,
});

export const entityQueryBody = z.object({
  entityName,
  indexName: z.string(),
  partition: z.array(z.unknown()).optional(),
  range: rawConditionSchema.optional(),
  filters: rawFiltersSchema.optional(),
  sort: z.enum(['ASC', 'DESC']).optional(),
  cursor: z.string().optional(),
  limit: z.number().optional(),
  options: getOptions,
  // The SDK moves metadataFields into options; the wire type also allows it at the top level.
  metadataFields,
});
export type EntityQueryBody = z.infer<typeof entityQueryBody>;

export const transactionBody = z.object({
  set: z
    .array(
      z.object({
        key,
        value: z.unknown(),
        entityName: entityName.optional(),
        conditions: rawFiltersSchema.optional(),
        options: ttlOnly,
      }),
    )
    .optional(),
  delete: z
    .array(z.object({ key, entityName: entityName.optional(), conditions: rawFiltersSchema.optional() }))
    .optional(),
  check: z
    .array(z.object({ key, entityName: entityName.optional(), conditions: rawFiltersSchema.optional() }))
    .optional(),
});

export const batchSetBody = z.array(
  z.object({ key, value: z.unknown(), entityName: entityName.optional(), options: ttlOnly }),
);
export const batchGetBody = z.array(z.object({ key, entityName: entityName.optional(), options: getOptions }));
export const batchDeleteBody = z.array(z.object({ key, entityName: entityName.optional() }));

/** Parses a body or throws 400 INVALID_REQUEST_BODY naming each offending field. */
export const parseBody = <T>(schema: z.ZodType<T>, body: unknown, operation: string): T => {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(body)'}: ${i.message}`);
  throw badRequest('INVALID_REQUEST_BODY', `${operation} request body is invalid: ${details.join('; ')}`);
};
