package io.settlehub.filedrop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * connector-filedrop: marketplace reports for platforms without an API, dropped into a folder per platform or
 * uploaded over HTTP, mapped row by row to canonical events by the platform's column mapping.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FileDropApplication {

    public static void main(String[] args) {
        SpringApplication.run(FileDropApplication.class, args);
    }
}
