import type { Locale } from "../api/ApiError";
import type { MessageKey } from "./zh-CN";

/**
 * 关怀模式's simpler wording: plain everyday words in place of office terms, on the applicant's and the
 * public pages. Only these keys change; everything else reads as in the standard mode.
 */
export const CARE_WORDING: Record<Locale, Partial<Record<MessageKey, string>>> = {
  "zh-CN": {
    "nav.portal": "我的办事",
    "nav.guide": "怎么办事",
    "nav.progress": "查办理进度",
    "nav.ask": "问问题",
    "nav.verify": "查证书真假",
    "portal.myCases": "我办的事",
    "portal.drafts": "没填完的",
    "portal.newApplication": "我要办事",
    "portal.wallet": "我的证书",
    "portal.resume": "接着填",
    "portal.correct": "去补材料",
    "portal.pickItem": "您要办什么事？",
    "portal.pickItemHint": "选好要办的事，点“开始申请”。填到一半可以先保存，30 天内回来接着填。",
    "portal.start": "开始申请",
    "portal.materials": "要交的材料",
    "portal.saveDraft": "先保存，以后再填",
    "portal.draftHint": "可以上传照片或扫描件（PDF、JPG、PNG 等），每个文件不超过 20 MB。",
    "case.clock": "还剩多久",
    "case.nextStep": "接下来",
  },
  "en-US": {
    "nav.portal": "My services",
    "nav.guide": "How to apply",
    "nav.progress": "Check progress",
    "nav.ask": "Ask us",
    "nav.verify": "Check a certificate",
    "portal.myCases": "My applications",
    "portal.drafts": "Not finished",
    "portal.newApplication": "Apply for something",
    "portal.resume": "Continue",
    "portal.correct": "Add missing papers",
    "portal.pickItem": "What do you want to apply for?",
    "portal.pickItemHint":
      "Choose the service, then press “Start”. You can save half-way and come back within 30 days.",
    "portal.materials": "Papers to hand in",
    "portal.saveDraft": "Save and finish later",
    "portal.draftHint": "Photos or scans (PDF, JPG, PNG …), up to 20 MB each.",
    "case.clock": "Time left",
    "case.nextStep": "What happens next",
  },
};
