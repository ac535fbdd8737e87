/** The run's database is kept after the run so that a failure can be inspected; the next run recreates it. */
export default async function globalTeardown(): Promise<void> {}
