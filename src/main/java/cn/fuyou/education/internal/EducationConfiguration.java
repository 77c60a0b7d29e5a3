package cn.fuyou.education.internal;

import cn.fuyou.education.EditorPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EducationConfiguration {

    @Bean
    EditorPolicy educationEditorPolicy(@Value("${fuyou.education.editor-institution:CQHCWC}") String institution) {
        return new EditorPolicy(institution);
    }
}
