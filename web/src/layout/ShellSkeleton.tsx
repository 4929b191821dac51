import { Layout, Skeleton } from "antd";

/** What the screen shows while we learn who is signed in: the shell's outline, no flicker of the login page. */
export function ShellSkeleton() {
  return (
    <Layout style={{ minHeight: "100vh" }} data-testid="shell-loading">
      <Layout.Header style={{ display: "flex", alignItems: "center", borderBottom: "1px solid #eee" }}>
        <Skeleton.Button active style={{ width: 160 }} />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} style={{ padding: 16 }}>
          <Skeleton active title={false} paragraph={{ rows: 6 }} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
