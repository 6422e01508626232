package io.switchboard.support.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.switchboard.api.common.PlainText;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * {@link PlainText} for JSON request bodies: every string value and map key read by the web's ObjectMapper (Axon's
 * own mapper, which reads the stored history, is not touched). A refused string is a 400 VALIDATION_FAILED naming its
 * field, through {@link ProblemAdvice}.
 */
@Configuration(proxyBeanMethods = false)
public class PlainTextBodies {

    @Bean
    Module plainTextModule() {
        return new SimpleModule("plain-text")
                .addDeserializer(String.class, new PlainStrings())
                .addKeyDeserializer(String.class, new PlainKeys());
    }

    private static String plain(String value, JsonParser parser) throws JsonMappingException {
        if (value != null && !PlainText.isPlain(value)) {
            throw JsonMappingException.from(parser, PlainText.RULE, new IllegalArgumentException(PlainText.RULE));
        }
        return value;
    }

    private static final class PlainStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return plain(super.deserialize(parser, context), parser);
        }
    }

    private static final class PlainKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return plain(key, context.getParser());
        }
    }
}
