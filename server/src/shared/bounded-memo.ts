/**
 * `fn` with its answers remembered, for values that repeat a great deal (coded answers, names). The
 * memory holds at most `max` answers: past that it starts over, so an odd file cannot grow it.
 */
export function memoizeBounded(fn: (value: string) => string, max: number): (value: string) => string {
  const answers = new Map<string, string>();
  return (value) => {
    let answer = answers.get(value);
    if (answer === undefined) {
      if (answers.size >= max) answers.clear();
      answer = fn(value);
      answers.set(value, answer);
    }
    return answer;
  };
}
