// Shows the OpenAPI document this server serves (<mount>/schema/, named by the page).
window.ui = SwaggerUIBundle({
  url: document.getElementById('swagger-ui').dataset.schema,
  dom_id: '#swagger-ui',
  deepLinking: true,
  withCredentials: true
});
