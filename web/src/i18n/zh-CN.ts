import { adminZh } from "./admin";
import { alertsZh } from "./alerts";
import { calendarZh } from "./calendar";
import { caseActionsZh } from "./caseActions";
import { casesZh } from "./cases";
import { catalogZh } from "./catalog";
import { demoZh } from "./demo";
import { evaluationsZh } from "./evaluations";
import { formatsZh } from "./formats";
import { inboxZh } from "./inbox";
import { policiesZh } from "./policies";
import { portalZh } from "./portal";
import { projectsZh } from "./projects";
import { publicPortalZh } from "./publicPortal";
import { queuesZh } from "./queues";
import { securityZh } from "./security";
import { shellZh } from "./shell";
import { staffZh } from "./staff";
import { supervisionFiguresZh } from "./supervisionFigures";
import { trainingZh } from "./training";
import { windowZh } from "./window";
import { workbenchZh } from "./workbench";

/** Chinese UI text — the source dictionary; every key here must exist in en-US.ts. */
export const zhCN = {
  "app.name": "一站",
  "app.latinName": "Yizhan",
  "app.fullName": "一站 · 政务服务审批平台",
  "app.motto": "一站式服务，阳光下工作",

  "nav.main": "主导航",
  "nav.portal": "申请人门户",
  "nav.workbench": "窗口工作台",
  "nav.inbox": "审查收件箱",
  "nav.helper": "帮办代办",
  "nav.dashboard": "监察看板",
  "nav.partner": "协作办理",
  "nav.inquiries": "咨询台",
  "nav.admin": "系统管理",
  "nav.admin.overview": "概览",
  "nav.admin.users": "用户",
  "nav.admin.orgs": "机构",
  "nav.admin.items": "事项",
  "nav.admin.calendar": "工作日历",
  "nav.guide": "办事指南",
  "nav.progress": "进度查询",
  "nav.ask": "我要咨询",
  "nav.verify": "证照核验",
  "nav.account": "我的账户",
  "nav.logout": "退出登录",
  "nav.login": "登录",

  "lang.switch": "English",
  "lang.switchTitle": "切换为英文界面",
  "lang.zh-CN": "简体中文",
  "lang.en-US": "English",

  "login.title": "登录",
  "login.subtitle": "工作人员、企业和群众统一登录",
  "login.username": "用户名",
  "login.password": "密码",
  "login.submit": "登录",
  "login.usernameRequired": "请输入用户名",
  "login.passwordRequired": "请输入密码",
  "login.invalidCredentials": "用户名或密码错误，请重新输入。",
  "login.locked": "登录失败次数过多，账户已临时锁定，请 15 分钟后再试。",
  "login.rateLimited": "登录尝试过于频繁，请稍后再试。",
  "login.failed": "登录失败：{message}",
  "login.publicHint": "无需登录即可查看办事指南、查询办件进度、核验电子证照。",

  "error.network": "无法连接服务器，请检查网络后重试。",
  "error.generic": "操作失败，请稍后重试。",
  "error.loadMe": "无法获取登录状态，请刷新页面重试。",
  "common.retry": "重试",
  "common.backHome": "返回首页",
  "common.loading": "加载中…",

  "account.title": "我的账户",
  "account.profile": "账户信息",
  "account.username": "用户名",
  "account.displayName": "名称",
  "account.kind": "账户类型",
  "account.roles": "角色与机构",
  "kind.staff": "工作人员",
  "kind.person": "个人",
  "kind.enterprise": "企业",

  "role.applicant": "申请人",
  "role.clerk": "窗口工作人员",
  "role.reviewer": "科室审查人员",
  "role.approver": "审批负责人",
  "role.helper": "帮办代办员",
  "role.supervisor": "股负责人（电子监察）",
  "role.partner": "协作单位经办人",
  "role.admin": "系统管理员",

  "password.title": "修改密码",
  "password.current": "当前密码",
  "password.new": "新密码",
  "password.confirm": "确认新密码",
  "password.submit": "修改密码",
  "password.currentRequired": "请输入当前密码",
  "password.newRequired": "请输入新密码",
  "password.minLength": "新密码至少 8 位",
  "password.confirmRequired": "请再次输入新密码",
  "password.mismatch": "两次输入的新密码不一致",
  "password.changed": "密码已修改，下次登录请使用新密码。",
  "password.wrongCurrent": "当前密码不正确",
  "password.mustChange": "管理员已重置您的密码。请先修改密码，修改后才能使用其他功能。",

  "pref.title": "语言偏好",
  "pref.hint": "所选语言保存在您的账户中，下次登录自动使用。",
  "pref.saved": "语言偏好已保存",

  "page.portal.desc": "查阅办事指南、在线申报、补正材料、缴费、查看进度、领取电子证照并评价服务。",
  "page.workbench.desc": "登记咨询与申请、核验材料、一次性告知补正、受理或不予受理，即办件当场办结。",
  "page.inbox.desc": "本科室待审查的办件，并联审查，剩余时限一目了然；审批负责人在此决定与签发。",
  "page.helper.desc": "重点项目提前介入：材料预审、现场踏勘、协调会及事项跟踪，直至最后一本证书。",
  "dashboard.satisfaction": "好差评",
  "dashboard.toRectifications": "整改与申诉",
  "dashboard.rate": "满意率",
  "dashboard.ratings": "评价数",
  "dashboard.bad": "差评数",
  "dashboard.openRectifications": "整改中",
  "dashboard.overdueRectifications": "整改逾期",
  "dashboard.inquiries": "咨询",
  "dashboard.toInquiries": "咨询台",
  "dashboard.unclaimed": "待认领",
  "dashboard.open": "待答复",
  "dashboard.overdueInquiries": "超 1 个工作日未答复",
  "dashboard.answered": "已答复",
  "dashboard.loadFailed": "数据加载失败，请稍后刷新重试",
  "page.dashboard.desc": "满意度与差评整改、咨询答复（首问负责制），以及拿地即办证的怀远速度。",
  "page.partner.desc": "接收转办事项与材料共享请求，反馈办理进度，确保事项不在部门之间“掉地上”。",
  "page.admin.desc": "维护用户、机构、政务服务事项目录与工作日历。",
  "page.admin.users.desc": "工作人员与申请人账户、角色及所属机构。",
  "page.admin.orgs.desc": "机构树：局、股室、窗口、乡镇政府及其他部门。",
  "page.admin.items.desc": "政务服务事项及其版本：材料清单、时限、收费、审查环节。",
  "page.admin.calendar.desc": "法定节假日与调休工作日，时限按工作日计算。",
  "page.guide.desc": "每个事项的设立依据、受理条件、申请材料、办理时限与收费标准，公开透明。",
  "page.progress.desc": "凭办件编号和查询码查询办理进度，无需登录。",
  "page.verify.desc": "扫描证照二维码或输入证照编号，核验电子证照的真实性与状态。",

  "notFound.title": "页面不存在",
  "notFound.subtitle": "您访问的页面不存在或已被移除。",
  "forbidden.title": "无权访问",
  "forbidden.subtitle": "此页面仅对以下角色开放：{roles}。",
  ...calendarZh,
  ...casesZh,
  ...caseActionsZh,
  ...formatsZh,
  ...portalZh,
  ...catalogZh,
  ...workbenchZh,
  ...inboxZh,
  ...queuesZh,
  ...projectsZh,
  ...windowZh,
  ...evaluationsZh,
  ...trainingZh,
  ...policiesZh,
  ...staffZh,
  ...alertsZh,
  ...demoZh,
  ...shellZh,
  ...supervisionFiguresZh,
  ...publicPortalZh,
  ...adminZh,
  ...securityZh,
} satisfies Record<string, string>;

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;
