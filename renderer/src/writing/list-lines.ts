/** Items of a model's list answer, one per line: list markers, numbering and bold dropped, duplicates and long lines left out. */
export const listLines = (text: string, maxLength = 60): string[] => [
  ...new Set(
    text
      .split('\n')
      .map((line) =>
        line
          .replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '')
          .replace(/\*\*/g, '')
          .trim(),
      )
      .filter((line) => line.length > 0 && line.length <= maxLength),
  ),
];
