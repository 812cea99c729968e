import fc from 'fast-check';

/**
 * One fixed seed for every property test (FC_SEED overrides it to explore), so a run on a loaded CI
 * machine is the same run as on a developer's: no unlucky sample of megabyte-sized notifications
 * can make one CI run take many minutes, and a failure is reproducible from the seed alone.
 */
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_129) });
