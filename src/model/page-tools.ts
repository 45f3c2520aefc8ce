/**
 * The tools a web page puts around an article ("【打印本页】 【关闭窗口】", 返回顶部, 收藏本页): one
 * vocabulary for the recognizer (a signing date with the tools joined after it) and for web-artifacts
 * (a line of tools only).
 */

/** Longer words first: "打印本页" is taken whole before "打印". */
export const PAGE_TOOL_WORDS = ['打印本页', '打印此页', '关闭窗口', '关闭本页', '返回顶部', '收藏本页', '加入收藏', '打印', '关闭'];
/** What stands between the tools: brackets and blanks. */
const TOOL_FRAME = /[\s【】[\]]/;

/** The line without the page tools that end it (their brackets and blanks too); the line itself when no tool ends it. */
export function withoutTrailingPageTools(line: string): string {
  let end = line.length;
  let removed = false;
  for (;;) {
    while (end > 0 && TOOL_FRAME.test(line[end - 1])) end--;
    // (startsWith counts a negative position as 0: a tool must fit before `end`.)
    const tool = PAGE_TOOL_WORDS.find((w) => w.length <= end && line.startsWith(w, end - w.length));
    if (!tool) return removed ? line.slice(0, end) : line;
    end -= tool.length;
    removed = true;
  }
}

/** A line of page tools only ("【打印】【关闭】", "打印本页 关闭窗口"): at least one tool, nothing but tools and their frames. */
export function isPageToolsOnly(line: string): boolean {
  return line !== '' && withoutTrailingPageTools(line) === '';
}
