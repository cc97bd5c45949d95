import { z } from 'zod';
import type { ReadOnlyReason } from '../../contract';

/**
 * Forge's License type (docs: function-reference/arguments; @forge/runtime's `License` carries both
 * `isActive` and `active`, the name the front end's context switched to when `isActive` there was always
 * undefined). Parsed on its own so an unexpected shape never costs the user their identity. It is
 * undefined outside paid production installations (development, staging, free listings): those count as
 * licensed, and so does a shape we cannot read (fail open: a platform change must not lock paying
 * customers out).
 */
const LicenseContext = z
  .object({
    license: z.object({ isActive: z.boolean().optional(), active: z.boolean().optional() }).loose().nullish(),
  })
  .loose();

/**
 * Why this invocation may not write, or undefined when it may. The one license rule: the resolver gate
 * refuses writes with it and me.get reports it, so the UI's read-only banner and the gate never disagree.
 */
export const readOnlyReason = (context: unknown): ReadOnlyReason | undefined => {
  const license = LicenseContext.safeParse(context).data?.license;
  return (license?.isActive ?? license?.active) === false ? 'license-inactive' : undefined;
};

/** What an installation whose license lapsed gets from every resolver that writes. */
export const UNLICENSED_MESSAGE =
  "Cadence is read-only on this site because its license is not active: you can view OKRs but not change them. Ask a site admin to renew Cadence in the site's Manage apps page.";
