import { notFound, YizhanError } from "../../domain/errors";

export const INVITATION = { "zh-CN": "评价邀请", "en-US": "Evaluation invitation" };
export const EVALUATION = { "zh-CN": "评价", "en-US": "Evaluation" };
export const RECTIFICATION = { "zh-CN": "整改", "en-US": "Rectification" };

/** 403: staff never rate, not even for the applicant in front of them (好差评 is the applicant's voice). */
export const staffCannotRate = () =>
  new YizhanError("staff_cannot_rate", 403, {
    "zh-CN": "工作人员不能代替申请人评价：请由申请人本人通过门户、短信/邮件链接或窗口评价器评价",
    "en-US":
      "Staff cannot rate on the applicant's behalf: the applicant rates in the portal, through the link, or on the window tablet",
  });

export const alreadyRated = () =>
  new YizhanError("already_rated", 409, {
    "zh-CN": "该办件本环节已评价，评价提交后不可修改；此链接已失效",
    "en-US":
      "This case has already been rated at this stage; a rating cannot be changed and this link is used",
  });

export const evaluationClosed = () =>
  new YizhanError("evaluation_closed", 410, {
    "zh-CN": "评价期限（30 日）已过，不能再评价",
    "en-US": "The 30 days for rating have passed",
  });

export const tabletExpired = () =>
  new YizhanError("tablet_expired", 410, {
    "zh-CN": "评价器会话已过期，请窗口工作人员重新开启",
    "en-US": "The tablet session has expired; ask the clerk to open it again",
  });

export const invitationNotFound = () => notFound(INVITATION);
