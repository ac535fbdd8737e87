import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

interface FieldProblem {
  field: string;
  problems: string[];
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints
      ? [{ field, problems: Object.values(error.constraints).map((m) => m.replace(/^property /, '字段 ')) }]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function invalidInput(details: FieldProblem[]): BadRequestException {
  const summary = details.flatMap((d) => d.problems).join('; ');
  return new BadRequestException({ message: `请求参数不正确 (invalid input): ${summary}`, details });
}

/** Deeper than any input the API takes; deeper input would overflow the stack of the recursive transform. */
const MAX_DEPTH = 16;

/**
 * Problems the transform cannot be trusted with, found in the plain input without recursion: nesting deeper
 * than MAX_DEPTH, and fields named like a member of every object (`__proto__`, `constructor`, `toString`, …),
 * which class-transformer drops silently instead of letting the whitelist refuse them.
 */
function structuralProblems(input: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: [unknown, string, number][] = [[input, '', 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) {
      return [{ field: path, problems: [`嵌套层数过多 (input nested deeper than ${MAX_DEPTH} levels)`] }];
    }
    for (const key of Object.keys(value)) {
      const field = path ? `${path}.${key}` : key;
      if (key in Object.prototype) {
        problems.push({ field, problems: [`字段 ${field} 不允许 (property ${field} should not exist)`] });
      } else {
        stack.push([(value as Record<string, unknown>)[key], field, depth + 1]);
      }
    }
  }
  return problems;
}

class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problems = structuralProblems(value);
      if (problems.length > 0) throw invalidInput(problems);
    }
    return super.transform(value, metadata);
  }
}

/** Whitelisted, transformed input; every problem named by field, in one 400. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalidInput(flatten(errors)),
  });
}
