// The API browser shows the document this server serves, and nothing else (no URL box). "Try it
// out" calls this server's API with the credentials the browser signed in with here (the same
// realm, ipa), or with those given to "Authorize".
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
};
