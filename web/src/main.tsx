import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { accessToken } from "./token";
import "./styles.css";

// Read the token before anything renders, so it leaves the address bar at once.
accessToken();
createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
