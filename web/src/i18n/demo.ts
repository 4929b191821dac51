/** Texts of the demo history banner (ADR 0013). */
export const demoZh = {
  "demo.history.running": "演示历史数据生成中 {percent}%",
  "demo.history.hint":
    "系统正在后台按工作日模拟 {from} 至 {to} 的办件、审查、评价和预警，统计数字会随之增加；期间可照常使用。",
  "demo.history.progress": "演示历史数据生成进度",
};

export const demoEn: Record<keyof typeof demoZh, string> = {
  "demo.history.running": "Generating the demo history: {percent}%",
  "demo.history.hint":
    "Cases, reviews, ratings and alerts from {from} to {to} are being simulated working day by working day in the background; the figures grow as it goes. You can use the system meanwhile.",
  "demo.history.progress": "Progress of the demo history",
};
