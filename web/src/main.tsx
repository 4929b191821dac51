import "@fontsource/noto-sans-sc/400.css";
import "@fontsource/noto-sans-sc/700.css";
import "./global.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router-dom";
import { watchTableLabels } from "./layout/tableLabels";
import { Providers } from "./Providers";
import { router } from "./routes";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

// On phones every table reads as cards, each value under its column's name (global.css).
watchTableLabels();

createRoot(root).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
