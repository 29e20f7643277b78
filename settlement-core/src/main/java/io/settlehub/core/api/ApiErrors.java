package io.settlehub.core.api;

import io.settlehub.contract.InvalidMessageException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input answers 400 naming the field; never a stack trace, never 500. */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler(InvalidMessageException.class)
    ResponseEntity<Map<String, String>> invalid(InvalidMessageException e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        if (e.field() != null && !e.field().isEmpty()) {
            body.put("field", e.field());
        }
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, String>> missingParameter(org.springframework.web.bind.MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getParameterName() + ": is required", "field", e.getParameterName()));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<Map<String, String>> unreadable(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.settlehub.connector.support.RequestBodyLimitFilter.BodyTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("error", tooLarge.getMessage()));
            }
        }
        return ResponseEntity.badRequest().body(Map.of("error", "request body must be JSON (Content-Type: application/json)"));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, String>> notFound(NotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }
}
