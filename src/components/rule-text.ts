/** Splits rule text into plain and `code` segments: the only markup the rule strings in RULES use. */
export const ruleSegments = (text: string) =>
  text
    .split(/(`[^`]+`)/)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? { code: part.slice(1, -1) } : { text: part }));
