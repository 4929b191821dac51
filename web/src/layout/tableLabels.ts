/** The width below which tables are shown as cards (global.css, antd's `sm`). */
export const PHONE_QUERY = "(max-width: 575.98px)";

/** The header text of every column of `table`, by column index (colspans counted). */
function columnNames(table: HTMLTableElement): string[] {
  const rows = table.tHead?.rows;
  const row = rows?.[rows.length - 1];
  if (!row) return [];
  const names: string[] = [];
  for (const th of Array.from(row.cells)) {
    const text = (th.textContent ?? "").trim();
    for (let i = 0; i < th.colSpan; i++) names.push(text);
  }
  return names;
}

/** Writes each body cell's column name into `data-label`, where global.css shows it on phones. */
export function labelTables(root: ParentNode = document): void {
  for (const table of Array.from(root.querySelectorAll<HTMLTableElement>(".ant-table-wrapper table"))) {
    // A table with a fixed header keeps its head in a sibling table.
    const head = table.tHead?.rows.length
      ? table
      : table.closest(".ant-table")?.querySelector<HTMLTableElement>(".ant-table-header table");
    const names = head ? columnNames(head) : [];
    if (names.length === 0) continue;
    for (const body of Array.from(table.tBodies)) {
      for (const tr of Array.from(body.rows)) {
        if (!tr.classList.contains("ant-table-row")) continue;
        let col = 0;
        for (const td of Array.from(tr.cells)) {
          const name = names[col] ?? "";
          if (td.dataset.label !== name) td.dataset.label = name;
          col += td.colSpan;
        }
      }
    }
  }
}

/**
 * A table wider than its box scrolls sideways; a keyboard user must be able to reach that scroll (WCAG
 * 2.1.1, axe `scrollable-region-focusable`): such a scroll box is made focusable, and named by its table.
 */
export function focusableScrollers(root: ParentNode = document): void {
  for (const box of Array.from(root.querySelectorAll<HTMLElement>(".ant-table-content, .ant-table-body"))) {
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls && !box.hasAttribute("tabindex")) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      const caption = box.closest(".ant-card")?.querySelector(".ant-card-head-title")?.textContent;
      box.setAttribute(
        "aria-label",
        caption || (document.documentElement.lang === "en-US" ? "Table" : "表格"),
      );
    } else if (!scrolls && box.getAttribute("role") === "region") {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }
}

/**
 * Keeps the labels current on phones, and wide tables' scroll boxes focusable at every width: every change
 * of the page (a table rendered, a language switched) relabels on the next frame. Returns the function that stops it.
 */
export function watchTableLabels(): () => void {
  const media = window.matchMedia(PHONE_QUERY);
  let frame = 0;
  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (media.matches) labelTables();
      focusableScrollers();
    });
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  media.addEventListener("change", schedule);
  window.addEventListener("resize", schedule);
  schedule();
  return () => {
    observer.disconnect();
    media.removeEventListener("change", schedule);
    window.removeEventListener("resize", schedule);
    cancelAnimationFrame(frame);
  };
}
