import { adminEn } from "./admin";
import { alertsEn } from "./alerts";
import { calendarEn } from "./calendar";
import { caseActionsEn } from "./caseActions";
import { casesEn } from "./cases";
import { catalogEn } from "./catalog";
import { demoEn } from "./demo";
import { evaluationsEn } from "./evaluations";
import { formatsEn } from "./formats";
import { inboxEn } from "./inbox";
import { policiesEn } from "./policies";
import { portalEn } from "./portal";
import { projectsEn } from "./projects";
import { publicPortalEn } from "./publicPortal";
import { queuesEn } from "./queues";
import { securityEn } from "./security";
import { shellEn } from "./shell";
import { staffEn } from "./staff";
import { supervisionFiguresEn } from "./supervisionFigures";
import { trainingEn } from "./training";
import { windowEn } from "./window";
import { workbenchEn } from "./workbench";
import type { Messages } from "./zh-CN";

/** English UI text. */
export const enUS: Messages = {
  "app.name": "Yizhan",
  "app.latinName": "一站",
  "app.fullName": "Yizhan · One-Stop Approval Service",
  "app.motto": "One stop for every service, work in the sunlight",

  "nav.main": "Main navigation",
  "nav.portal": "Applicant Portal",
  "nav.workbench": "Window Workbench",
  "nav.inbox": "Review Inbox",
  "nav.helper": "Project Helper",
  "nav.dashboard": "Supervision Dashboard",
  "nav.partner": "Partner Desk",
  "nav.inquiries": "Inquiry Desk",
  "nav.admin": "Administration",
  "nav.admin.overview": "Overview",
  "nav.admin.users": "Users",
  "nav.admin.orgs": "Organizations",
  "nav.admin.items": "Service Items",
  "nav.admin.calendar": "Working-Day Calendar",
  "nav.guide": "Service Guide",
  "nav.progress": "Progress Lookup",
  "nav.ask": "Ask a Question",
  "nav.verify": "Verify Certificate",
  "nav.account": "My Account",
  "nav.logout": "Sign Out",
  "nav.login": "Sign In",

  "lang.switch": "中文",
  "lang.switchTitle": "Switch to Chinese",
  "lang.zh-CN": "简体中文",
  "lang.en-US": "English",

  "login.title": "Sign in",
  "login.subtitle": "One sign-in for staff, enterprises and citizens",
  "login.username": "Username",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.usernameRequired": "Please enter your username",
  "login.passwordRequired": "Please enter your password",
  "login.invalidCredentials": "Wrong username or password. Please try again.",
  "login.locked": "Too many failed attempts: the account is locked for 15 minutes. Please try again later.",
  "login.rateLimited": "Too many sign-in attempts. Please wait a moment and try again.",
  "login.failed": "Sign-in failed: {message}",
  "login.publicHint":
    "No sign-in needed to read service guides, look up a case's progress or verify a certificate.",

  "error.network": "Cannot reach the server. Please check your connection and try again.",
  "error.generic": "Something went wrong. Please try again.",
  "error.loadMe": "Could not check your sign-in status. Please reload the page.",
  "common.retry": "Retry",
  "common.backHome": "Back to home",
  "common.loading": "Loading…",

  "account.title": "My Account",
  "account.profile": "Profile",
  "account.username": "Username",
  "account.displayName": "Name",
  "account.kind": "Account type",
  "account.roles": "Roles and organizations",
  "kind.staff": "Staff",
  "kind.person": "Individual",
  "kind.enterprise": "Enterprise",

  "role.applicant": "Applicant",
  "role.clerk": "Window clerk",
  "role.reviewer": "Department reviewer",
  "role.approver": "Approver",
  "role.helper": "Project helper",
  "role.supervisor": "Supervisor",
  "role.partner": "Partner body",
  "role.admin": "Administrator",

  "password.title": "Change password",
  "password.current": "Current password",
  "password.new": "New password",
  "password.confirm": "Confirm new password",
  "password.submit": "Change password",
  "password.currentRequired": "Please enter your current password",
  "password.newRequired": "Please enter a new password",
  "password.minLength": "The new password needs at least 8 characters",
  "password.confirmRequired": "Please enter the new password again",
  "password.mismatch": "The two new passwords do not match",
  "password.changed": "Password changed. Use the new password at your next sign-in.",
  "password.wrongCurrent": "The current password is wrong",
  "password.mustChange":
    "An administrator reset your password. Change it first; the other pages open after that.",

  "pref.title": "Language",
  "pref.hint": "Your choice is saved to your account and used whenever you sign in.",
  "pref.saved": "Language preference saved",

  "page.portal.desc":
    "Read service guides, apply online, supply missing materials, pay fees, track progress, receive e-certificates and rate the service.",
  "page.workbench.desc":
    "Register inquiries and applications, check materials, issue the one-time correction notice, accept or refuse, finish immediate items on the spot.",
  "page.inbox.desc":
    "Cases assigned to your department, reviewed in parallel with a clear clock; approvers decide and sign here.",
  "page.helper.desc":
    "Early intervention for key projects: material pre-checks, site surveys, coordination meetings and follow-up to the last certificate.",
  "dashboard.satisfaction": "Ratings (好差评)",
  "dashboard.toRectifications": "Rectifications and appeals",
  "dashboard.rate": "Satisfaction",
  "dashboard.ratings": "Ratings",
  "dashboard.bad": "Bad ratings",
  "dashboard.openRectifications": "Being rectified",
  "dashboard.overdueRectifications": "Rectification overdue",
  "dashboard.inquiries": "Inquiries",
  "dashboard.toInquiries": "Inquiry desk",
  "dashboard.unclaimed": "Unclaimed",
  "dashboard.open": "Awaiting answer",
  "dashboard.overdueInquiries": "Unanswered after 1 working day",
  "dashboard.answered": "Answered",
  "dashboard.loadFailed": "The figures could not be loaded; refresh to try again",
  "page.dashboard.desc":
    "Satisfaction and the rectification of bad ratings, questions and their first responders, and the land-to-certificate speed of bundles.",
  "page.partner.desc":
    "Referred matters and shared-material requests from the bureau; report progress so nothing falls between two offices.",
  "page.admin.desc": "Maintain users, organizations, the service item catalog and the working-day calendar.",
  "page.admin.users.desc": "Staff and applicant accounts, their roles and organizations.",
  "page.admin.orgs.desc":
    "The organization tree: bureau, sections, windows, township governments, other departments.",
  "page.admin.items.desc": "Service items and their versions: materials, time limits, fees, review steps.",
  "page.admin.calendar.desc": "Public holidays and working weekend days; time limits count working days.",
  "page.guide.desc":
    "For every service item: legal basis, conditions, required materials, time limits and fees, published openly.",
  "page.progress.desc": "Look up a case's progress with its case number and query code, without signing in.",
  "page.verify.desc":
    "Scan a certificate's QR code or enter its number to check that it is genuine and valid.",

  "notFound.title": "Page not found",
  "notFound.subtitle": "The page you asked for does not exist or has been removed.",
  "forbidden.title": "No access",
  "forbidden.subtitle": "This page is open to these roles only: {roles}.",
  ...calendarEn,
  ...casesEn,
  ...caseActionsEn,
  ...formatsEn,
  ...portalEn,
  ...catalogEn,
  ...workbenchEn,
  ...inboxEn,
  ...queuesEn,
  ...projectsEn,
  ...windowEn,
  ...evaluationsEn,
  ...trainingEn,
  ...policiesEn,
  ...staffEn,
  ...alertsEn,
  ...demoEn,
  ...shellEn,
  ...supervisionFiguresEn,
  ...publicPortalEn,
  ...adminEn,
  ...securityEn,
};
