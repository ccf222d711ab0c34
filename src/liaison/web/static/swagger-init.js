/* Starts Swagger UI on /docs from this server's own files: a static file, not an inline script,
   so the page keeps the same Content-Security-Policy (script-src 'self') as every other page. */
(function () {
  "use strict";
  window.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("swagger-ui");
    window.ui = SwaggerUIBundle({
      url: el.getAttribute("data-openapi-url"),
      dom_id: "#swagger-ui",
      deepLinking: true,
      layout: "BaseLayout",
      presets: [SwaggerUIBundle.presets.apis],
      validatorUrl: null,          // the default validator badge would call validator.swagger.io
      showExtensions: true,
      tryItOutEnabled: false
    });
  });
})();
