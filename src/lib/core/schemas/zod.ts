import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini is zod's tree-shaking form: a bundle carries only the checks it uses (about 10 KB
// zipped), where `import { z } from 'zod'` carries the whole namespace and every locale (~120 KB).
// It ships no messages of its own; the English ones keep every error exactly as users read them.
config(en());

/**
 * The one zod every schema in src/ is written with: `zod/mini`'s functional API, English messages.
 * Import it as a namespace (`import * as z from '…/schemas/zod'`): a namespace import tree-shakes,
 * a re-exported namespace object (`export { z }`) would drag all of zod into every bundle.
 *
 * @example const s = z.looseObject({ name: z.optional(z.string()) }); type S = z.infer<typeof s>;
 * @see https://zod.dev/packages/mini
 */
export * from 'zod/mini';
// Shadows zod/mini's `catch` (an own export wins over `export *`): see catch.ts.
export { catch } from './catch';
