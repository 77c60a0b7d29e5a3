package cn.fuyou;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** fuyou 妇幼: one record for a woman and her children across Chongqing's MCH network. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FuyouApplication {

    public static void main(String[] args) {
        SpringApplication.run(FuyouApplication.class, args);
    }
}
