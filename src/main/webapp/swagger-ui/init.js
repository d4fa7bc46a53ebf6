window.ui = SwaggerUIBundle({
    url: "/openapi",
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: false,
    // the default sends the description's URL to validator.swagger.io for a badge image: nothing leaves this origin
    validatorUrl: null
});
