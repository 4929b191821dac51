/** The frame's own words: the phone menu, 关怀模式, the apply steps. */
export const shellZh = {
  "nav.menu": "菜单",
  "nav.menuTitle": "打开菜单",
  "nav.skipToContent": "跳到正文",
  "care.on": "关怀模式",
  "care.off": "标准模式",
  "care.switchOn": "切换到关怀模式：字更大、颜色更清楚、按钮更大",
  "care.switchOff": "切换回标准模式",
  "apply.steps": "申请步骤",
  "apply.step.pick": "选择事项",
  "apply.step.fill": "填写并上传材料",
  "apply.step.submit": "提交，等待办理",
  "apply.step.correct": "补正材料",
} satisfies Record<string, string>;

export const shellEn: Record<keyof typeof shellZh, string> = {
  "nav.menu": "Menu",
  "nav.menuTitle": "Open the menu",
  "nav.skipToContent": "Skip to content",
  "care.on": "Easy view",
  "care.off": "Standard view",
  "care.switchOn": "Switch to easy view: larger text, clearer colours, bigger buttons",
  "care.switchOff": "Switch back to the standard view",
  "apply.steps": "Steps of an application",
  "apply.step.pick": "Choose the service",
  "apply.step.fill": "Fill in and upload",
  "apply.step.submit": "Submit and wait",
  "apply.step.correct": "Correct materials",
};
