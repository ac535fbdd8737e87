import { schemaDiff } from './schema-diff';

// Fails when the entities and the migrations disagree. Run by .ci/run.
schemaDiff()
  .then(({ up }) => {
    if (up.length === 0) {
      console.log('migration check: entities and migrations agree');
      return;
    }
    console.error('migration check: the entities need SQL that no migration has:');
    for (const query of up) console.error(`  ${query};`);
    console.error('Run `npm run migration:generate -- <Name>` and review the new file.');
    process.exitCode = 1;
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
