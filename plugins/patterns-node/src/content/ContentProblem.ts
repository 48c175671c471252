/** Something wrong with one content file, named so an author can fix it. */
export interface ContentProblem {
  file: string;
  message: string;
}

export class ContentError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ContentError';
  }
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}: ${problem.message}`;
}
