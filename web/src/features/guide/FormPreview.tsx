import Form from "@rjsf/antd";
import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import validator from "@rjsf/validator-ajv8";
import { Alert } from "antd";
import { Component, type ReactNode } from "react";
import { dataLang } from "../../components/ZhText";

/** Keeps a broken schema from taking the page down: shows the error instead of the form. */
class Boundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  override render() {
    return this.state.error ? (
      <Alert type="warning" showIcon title={this.state.error} />
    ) : (
      this.props.children
    );
  }
}

/** The application form rendered from the item's JSON Schema with Ant Design (read-only preview). */
export function FormPreview({
  schema,
  uiSchema,
}: {
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
}) {
  return (
    <Boundary>
      {/* Every text of the preview comes from the item's form schema: Chinese data (no format hints here). */}
      <div data-testid="form-preview" lang={dataLang(JSON.stringify(schema))}>
        <Form
          schema={schema as RJSFSchema}
          uiSchema={{ ...(uiSchema as UiSchema | undefined), "ui:submitButtonOptions": { norender: true } }}
          validator={validator}
          disabled
          liveValidate={false}
        />
      </div>
    </Boundary>
  );
}
