import { describe, expect, it } from "vitest";
import { fieldOrderOf, inFieldOrder, withFieldOrder } from "./formOrder";

const schema = {
  type: "object",
  properties: {
    z: { type: "string" },
    a: { type: "string" },
    m: { type: "object", properties: { y: {}, b: {} } },
  },
};

describe("form field order", () => {
  it("records the written order, explicit ui:order first", () => {
    expect(
      withFieldOrder<{ formSchema: Record<string, unknown>; uiSchema?: Record<string, unknown> }>({
        formSchema: schema,
      }).uiSchema,
    ).toEqual({
      "ui:order": ["z", "a", "m"],
      m: { "ui:order": ["y", "b"] },
    });
    expect(fieldOrderOf(schema, { "ui:order": ["m", "*", "gone"] })).toEqual(["m", "z", "a"]);
  });

  it("rebuilds properties in the recorded order after jsonb sorted them", () => {
    const sorted = {
      type: "object",
      properties: { a: {}, m: { type: "object", properties: { b: {}, y: {} } }, z: {} },
    };
    const read = inFieldOrder({
      formSchema: sorted,
      uiSchema: { "ui:order": ["z", "a", "m"], m: { "ui:order": ["y", "b"] } },
    });
    expect(Object.keys(read.formSchema.properties)).toEqual(["z", "a", "m"]);
    expect(Object.keys((read.formSchema.properties.m as { properties: object }).properties)).toEqual([
      "y",
      "b",
    ]);
  });
});
