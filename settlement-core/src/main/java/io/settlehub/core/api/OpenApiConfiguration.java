package io.settlehub.core.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): its title and version, the
 * bearer token every call carries (Swagger UI's Authorize button), and the error answers every call may give, with
 * their body {@code {"error", "field"}}.
 */
@Configuration
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    static final String ERROR = "Error";

    @Bean
    OpenAPI settlehubOpenApi(@Value("${hub.version:0.1.0}") String version) {
        return new OpenAPI()
                .info(new Info().title("Settlehub settlement-core API").version(version)
                        .description("Balances, orders, payments, reports and reference data of the importers a settlement hub serves. "
                                + "Every call carries 'Authorization: Bearer <token>': an operator's token reaches every client, a "
                                + "client's token only its own data. Amounts are decimal strings at the currency's scale, dates ISO 8601.")
                        .license(new License().name("Proprietary")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An operator token (HUB_OPERATOR_TOKEN or POST /api/tokens) or a client's token"))
                        .addSchemas(ERROR, new ObjectSchema()
                                .addProperty("error", new StringSchema().description("what is wrong, naming the field"))
                                .addProperty("field", new StringSchema().description("the JSON path of the wrong field, when one is"))
                                .addRequiredItem("error")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Every operation may answer these, each with the error body. */
    @Bean
    OpenApiCustomizer errorAnswers() {
        return api -> api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            add(operation.getResponses(), "400", "Bad input: the body names the wrong field");
            add(operation.getResponses(), "401", "No, an unknown, expired or revoked token (WWW-Authenticate: Bearer)");
            add(operation.getResponses(), "403", "The token may not reach this client or call");
            add(operation.getResponses(), "404", "No such client, order or document");
            add(operation.getResponses(), "429", "Too many requests from this caller (Retry-After)");
        }));
    }

    private static void add(io.swagger.v3.oas.models.responses.ApiResponses responses, String code, String description) {
        if (responses != null && !responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description).content(new Content().addMediaType(
                    "application/json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR)))));
        }
    }
}
