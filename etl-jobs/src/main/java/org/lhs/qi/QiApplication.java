package org.lhs.qi;

import org.lhs.qi.config.QiProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The Spring Boot application that carries the nightly job; started by the {@code qi} CLI. */
@SpringBootApplication
@EnableConfigurationProperties(QiProperties.class)
public class QiApplication {
}
