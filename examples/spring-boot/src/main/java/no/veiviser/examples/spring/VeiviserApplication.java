package no.veiviser.examples.spring;

import no.veiviser.CompiledGuide;
import no.veiviser.Guides;
import no.veiviser.json.VeiviserModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot service around one guide: the guide is compiled once, at start-up, into a {@link CompiledGuide}
 * bean that every request shares (it is thread-safe), and {@link VeiviserModule} makes Spring's Jackson mapper
 * write each {@code Decision} exactly as {@code Decision.toJson()} does. Run: {@code mvn -pl examples/spring-boot
 * -am spring-boot:run} or from an IDE; {@code veiviser.guide} picks the bundled guide (default nittedal).
 */
@SpringBootApplication
public class VeiviserApplication {
    public static void main(String[] args) {
        SpringApplication.run(VeiviserApplication.class, args);
    }

    /** Compiled once; a guide that does not load or compile stops the start-up with its problems. */
    @Bean
    CompiledGuide guide(@Value("${veiviser.guide:nittedal}") String id) {
        return Guides.bundled(id).compile();
    }

    /** Spring Boot registers every Jackson Module bean with its ObjectMapper. */
    @Bean
    VeiviserModule veiviserModule() {
        return new VeiviserModule();
    }
}
