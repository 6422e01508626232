package io.switchboard.command.provider;

import io.switchboard.command.shared.AxonCommandConfiguration;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provider credentials: the keys (checked at startup), the check of the accounts numbers name, providers' APIs. */
@Configuration
@EnableConfigurationProperties({CredentialProperties.class, ProviderApiProperties.class})
class ProviderAccountConfiguration {

    /** Static: the store needs the cipher, and this configuration's interceptor needs the store. */
    @Bean
    static CredentialCipher credentialCipher(CredentialProperties properties) {
        return new CredentialCipher(CredentialKeys.from(properties));
    }

    @Bean
    static TwilioApi twilioApi(ProviderApiProperties properties) {
        return new TwilioApi(new ProviderHttp(properties), properties);
    }

    /**
     * Registered after {@link AxonCommandConfiguration}'s interceptors, so it runs inside them: a request replayed
     * for its Idempotency-Key answers as the first time without this check.
     */
    @Autowired
    void checkCredentialReferences(CommandBus commandBus, AxonCommandConfiguration registeredBefore,
                                   ProviderCredentialStore store) {
        commandBus.registerHandlerInterceptor(new CredentialReferenceCheck(store));
    }
}
