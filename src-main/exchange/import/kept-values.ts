import type { RowProblem } from '../../../src-shared/domain/exchange';

/** A warning found while reading a value; `line` null means the line of its row. */
export interface ValueWarning {
  line: number | null;
  reason: string;
}

/** The prefix of the summary lines that keep a value the import could not use. */
export const asWrittenPrefix = 'Imported as written:';

/**
 * The import rule for one row or card: the person is imported; a value that cannot be used is
 * left out of its field, kept in the contact's summary as written ("Imported as written: phone
 * 123456789") and reported as a warning with its line and reason. A placeholder ("BusinessPhone")
 * is no data and is only reported. The row is refused only when nothing is left to name it by.
 */
export class KeptValues {
  readonly warnings: ValueWarning[] = [];
  readonly asWritten: string[] = [];

  /** `what`: the field in words ("phone", "e-mail", "status"); `problem` starts with the value: 'Phone "12" (…) has too few digits'. */
  keep(what: string, value: string, problem: string, line: number | null = null): void {
    this.asWritten.push(`${asWrittenPrefix} ${what} ${value.replace(/\s*\n\s*/g, ' ').trim()}`);
    this.warnings.push({ line, reason: `${problem}; kept in the summary as written.` });
  }

  skip(problem: string, line: number | null = null): void {
    this.warnings.push({ line, reason: `${problem}; left out.` });
  }

  note(warning: ValueWarning): void {
    this.warnings.push(warning);
  }
}

/** Warnings with the row's line where the value had none of its own. */
export function warningsAt(warnings: readonly ValueWarning[], rowLine: number): RowProblem[] {
  return warnings.map((warning) => ({ line: warning.line ?? rowLine, reason: warning.reason }));
}
