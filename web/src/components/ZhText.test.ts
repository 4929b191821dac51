import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { enumLabel, paren } from "../i18n/catalogEnums";
import { dataLang, withData, withQuotedData, ZhText, zhCell } from "./ZhText";

const html = (node: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(node);

describe("Chinese data marked lang=zh-CN", () => {
  it("marks text with Chinese characters, leaves Latin text and codes alone", () => {
    expect(dataLang("建设用地规划许可证核发")).toBe("zh-CN");
    expect(dataLang("L-340321-ZRZY-XK-01")).toBeUndefined();
    expect(dataLang(42)).toBeUndefined();
    expect(html(createElement(ZhText, null, "王芳"))).toBe('<span lang="zh-CN">王芳</span>');
    expect(html(createElement(ZhText, null, "admin"))).toBe("admin");
    expect(html(createElement("div", null, zhCell("怀远县自然资源和规划局")))).toBe(
      '<div><span lang="zh-CN">怀远县自然资源和规划局</span></div>',
    );
  });

  it("marks only the values inside a translated line, and only quoted data in a server message", () => {
    expect(
      html(createElement("p", null, withData("Responsible: {name} ({n})", { name: "周明", n: 3 }))),
    ).toBe('<p>Responsible: <span lang="zh-CN">周明</span> (3)</p>');
    expect(html(createElement("p", null, withQuotedData('An inquiry about "临时用地审批" waits')))).toBe(
      '<p>An inquiry about <span lang="zh-CN">&quot;临时用地审批&quot;</span> waits</p>',
    );
  });

  it("names the catalogue's fixed lists in English on English pages", () => {
    expect(enumLabel("zh-CN", "onlineDepth", "full_online")).toBe("四级：全程网办");
    expect(enumLabel("en-US", "onlineDepth", "full_online")).toBe("Level 4: fully online");
    expect(enumLabel("en-US", "materialSource", "unknown")).toBe("unknown");
    expect(paren("zh-CN", "证照")).toBe("（证照）");
    expect(paren("en-US", "Certificate")).toBe(" (Certificate)");
  });
});
