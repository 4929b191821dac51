import { BellOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Badge, Button, Empty, List, Popover, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { formatDateTime } from "../../../src/shared/localTime";
import { ApiError, call, yz } from "../api/client";
import { useI18n } from "../i18n/useT";

const KEY = ["notifications"];

/**
 * 通知: the signed-in user's in-app notifications (listNotifications) behind a bell with the unread
 * count (polled every minute, fetched again when the list is opened); opening one marks it read (markNotificationRead) and follows its link; 全部已读 marks all.
 */
export function NotificationBell() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: KEY,
    queryFn: () => call(yz.GET("/api/notifications", { params: { query: { limit: 20 } } })),
    refetchInterval: 60_000,
  });
  const done = () => queryClient.invalidateQueries({ queryKey: KEY });
  const onError = (e: unknown) =>
    message.error(e instanceof ApiError ? (e.messageIn(locale) ?? e.message) : t("error.generic"));
  const read = useMutation({
    mutationFn: (id: string) => call(yz.POST("/api/notifications/{id}/read", { params: { path: { id } } })),
    onSettled: done,
    onError,
  });
  const readAll = useMutation({
    mutationFn: () => call(yz.POST("/api/notifications/read-all", {})),
    onSettled: done,
    onError,
  });
  const unread = list.data?.unreadCount ?? 0;

  const content = (
    <div style={{ width: "min(360px, 86vw)" }} data-testid="notification-list">
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : list.isError ? (
        <Alert
          type="error"
          showIcon
          title={t("notify.loadFailed")}
          action={
            <Button size="small" onClick={() => list.refetch()}>
              {t("notify.retry")}
            </Button>
          }
        />
      ) : list.data.items.length === 0 ? (
        <Empty description={t("notify.none")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          style={{ maxHeight: 420, overflow: "auto" }}
          dataSource={list.data.items}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              data-testid="notification-item"
              style={{ cursor: "pointer", alignItems: "flex-start" }}
              onClick={() => {
                if (!n.readAt) read.mutate(n.id);
                if (n.link?.startsWith("/")) {
                  setOpen(false);
                  navigate(n.link);
                }
              }}
            >
              <Space orientation="vertical" size={0} style={{ width: "100%" }}>
                <Typography.Text strong={!n.readAt}>
                  {!n.readAt && <Badge status="processing" style={{ marginInlineEnd: 6 }} />}
                  {n.title[locale]}
                </Typography.Text>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} style={{ marginBottom: 0 }}>
                  {n.body[locale]}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) list.refetch();
      }}
      trigger="click"
      placement="bottomRight"
      content={content}
      title={
        <Space style={{ width: "100%", justifyContent: "space-between" }}>
          <span>{t("notify.title")}</span>
          <Button
            size="small"
            type="link"
            disabled={unread === 0}
            loading={readAll.isPending}
            onClick={() => readAll.mutate()}
            data-testid="notifications-read-all"
          >
            {t("notify.readAll")}
          </Button>
        </Space>
      }
    >
      <Button type="text" data-testid="notification-bell">
        {/* The badge's animated digits are decoration: the button's name is the hidden text after it. */}
        <span aria-hidden="true">
          <Badge count={unread} size="small" data-testid="notification-unread">
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        </span>
        <span className="yz-visually-hidden">
          {unread ? t("notify.bellUnread", { n: unread }) : t("notify.title")}
        </span>
      </Button>
    </Popover>
  );
}
