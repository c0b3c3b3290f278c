// Swagger UI over the document the server generates from its code.
window.ui = SwaggerUIBundle({
  url: '/openapi/rapport.yml',
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
  deepLinking: true,
  validatorUrl: null,
});
