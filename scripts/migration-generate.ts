import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaDiff } from './schema-diff';

// Usage: npm run migration:generate -- AddSomething
// Writes migrations/<timestamp>-<Name>.ts from the difference between the entities and the migrations.
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
  console.error('usage: npm run migration:generate -- <PascalCaseName>');
  process.exit(1);
}

function indent(queries: string[]): string {
  return queries.map((q) => `    await queryRunner.query(\`${q.replace(/`/g, '\\`')}\`);`).join('\n');
}

schemaDiff()
  .then(({ up, down }) => {
    if (up.length === 0) {
      console.log('No changes: the migrations already match the entities.');
      return;
    }
    const timestamp = Date.now();
    const file = join(__dirname, '..', 'migrations', `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${indent(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${indent(down.reverse())}
  }
}
`,
    );
    console.log(`wrote ${file} (${up.length} statements); read it, tidy it, then run npm run migration:run`);
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
