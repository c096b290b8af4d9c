// The API browser shows the document this server serves, and nothing else (no URL box). "Try it
// out" calls this server's API with the credentials the browser signed in with here (the same
// realm, ipa), or with those given to "Authorize". Signed in by the client's session instead, a
// call that changes something carries the session's CSRF token, and every POST says it is JSON
// (the server refuses other POSTs, as it refuses other sites' forms).
window.onload = function () {
  let csrfToken = null;
  fetch("/ipa/session", { headers: { "X-Requested-With": "ipa-client" }, credentials: "same-origin" })
    .then((answer) => (answer.ok ? answer.json() : {}))
    .then((me) => { csrfToken = me.csrfToken || null; })
    .catch(() => {});
  window.ui = SwaggerUIBundle({
    url: "/openapi",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    requestInterceptor: (request) => {
      const method = (request.method || "GET").toUpperCase();
      if (method !== "GET" && method !== "HEAD") {
        const named = Object.keys(request.headers).some((h) => h.toLowerCase() === "content-type");
        if (!named) request.headers["Content-Type"] = "application/json";
        if (csrfToken) request.headers["X-CSRF-Token"] = csrfToken;
      }
      return request;
    }
  });
};
