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

/** Names of icon-only controls whose icon is their only name (antd writes the icon's English name). */
const ICON_CONTROL_NAMES: Record<string, [string, string]> = {
  search: ["搜索", "Search"],
  close: ["关闭", "Close"],
  left: ["上一页", "Previous"],
  right: ["下一页", "Next"],
  "double-left": ["向前 5 页", "Back 5 pages"],
  "double-right": ["向后 5 页", "Forward 5 pages"],
  "close-circle": ["清除", "Clear"],
  ellipsis: ["更多", "More"],
};

/**
 * antd's icons name themselves in English (`role="img" aria-label="book"`), which a screen reader reads out
 * on a Chinese page (issue 15 item 8). An icon beside text, or in a control named otherwise, is decorative
 * and is hidden from assistive technology; an icon that is a control's only content names the control in
 * the page's language (上一页, 搜索 …) and is hidden then. So are the step buttons of number inputs and the
 * row checkboxes of tables named in the page's language.
 */
export function hideIconNames(root: ParentNode = document): void {
  const zh = document.documentElement.lang !== "en-US";
  for (const icon of Array.from(root.querySelectorAll<HTMLElement>(".anticon[aria-label]"))) {
    const control = icon.parentElement?.closest<HTMLElement>(
      "button, a, [role=button], [role=menuitem], li[title]",
    );
    const english = icon.getAttribute("aria-label") ?? "";
    if (control && !control.getAttribute("aria-label") && !control.innerText.trim()) {
      const title = control.closest("[title]")?.getAttribute("title");
      const names = ICON_CONTROL_NAMES[english];
      const name = title || (names ? names[zh ? 0 : 1] : undefined);
      if (!name) continue;
      control.setAttribute("aria-label", name);
    }
    icon.removeAttribute("aria-label");
    icon.removeAttribute("role");
    icon.setAttribute("aria-hidden", "true");
  }
  // The step buttons of number inputs are named "Increase Value" / "Decrease Value" in every language.
  for (const step of Array.from(
    root.querySelectorAll<HTMLElement>(".ant-input-number [role=button][aria-label]"),
  )) {
    step.dataset.step ??= step.getAttribute("aria-label")?.startsWith("Increase") ? "up" : "down";
    const up = step.dataset.step === "up";
    const name = up ? (zh ? "增加" : "Increase") : zh ? "减少" : "Decrease";
    if (step.getAttribute("aria-label") !== name) step.setAttribute("aria-label", name);
  }
  // Clear buttons of inputs, selects and pickers (`allowClear`) are named "Clear" in every language.
  for (const clear of Array.from(root.querySelectorAll<HTMLElement>("[aria-label=Clear], [data-clear]"))) {
    clear.dataset.clear = "";
    const name = zh ? "清除" : "Clear";
    if (clear.getAttribute("aria-label") !== name) clear.setAttribute("aria-label", name);
  }
  for (const box of Array.from(
    root.querySelectorAll<HTMLInputElement>("input[aria-label^='Select row'], input[data-row]"),
  )) {
    box.dataset.row ??= box.getAttribute("aria-label")?.replace(/\D+/g, "") ?? "";
    const name = zh ? `选择第 ${box.dataset.row} 行` : `Select row ${box.dataset.row}`;
    if (box.getAttribute("aria-label") !== name) box.setAttribute("aria-label", name);
  }
}

/**
 * Keeps the labels current on phones, icons unnamed, and wide tables' scroll boxes focusable at every width: every change
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
      hideIconNames();
    });
  };
  // Icons are renamed at once (no frame waited: a page in the background may get no animation frames).
  const observer = new MutationObserver(() => {
    hideIconNames();
    schedule();
  });
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
