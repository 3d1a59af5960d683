import type { CheckRun } from './check-context';
import { itemAt } from './check-context';
import { closestName } from './fields';
import { issueAt } from './issues';
import { TEMPLATE_VARIABLES, isKnownTemplateVariable, listTemplateVariables } from './template-variables';

const variablePaths = TEMPLATE_VARIABLES.map((t) => t.path);

/**
 * Messages have a text in the main language, only use program languages, have a subject when sent
 * by email, and use known template variables (unknown ones are warnings).
 */
export function checkMessages(run: CheckRun): void {
  const { defaultLocale, locales } = run.spec.program;
  run.spec.messages.forEach((message, i) => {
    const loc = itemAt('messages', i, message);
    const seen = new Set<string>();
    if (!message.variants.some((v) => v.locale === defaultLocale)) {
      run.issues.push(issueAt(loc, 'missing-default-locale', `it has no text in the main language '${defaultLocale}'`, ['variants']));
    }
    message.variants.forEach((variant, j) => {
      const at = ['variants', j];
      if (seen.has(variant.locale)) {
        run.issues.push(issueAt(loc, 'duplicate-id', `it has two texts in '${variant.locale}'`, [...at, 'locale']));
      }
      seen.add(variant.locale);
      if (!locales.includes(variant.locale)) {
        run.issues.push(
          issueAt(loc, 'locale-not-in-program', `'${variant.locale}' is not one of the program languages (${locales.join(', ')})`, [...at, 'locale'], 'warning'),
        );
      }
      if (message.channel === 'email' && !variant.subject?.trim()) {
        run.issues.push(issueAt(loc, 'missing-subject', `the '${variant.locale}' email needs a subject line`, [...at, 'subject']));
      }
      const texts: [string, string | undefined][] = [
        ['body', variant.body],
        ['subject', variant.subject],
      ];
      for (const [key, text] of texts) {
        if (!text) continue;
        for (const name of listTemplateVariables(text)) {
          if (isKnownTemplateVariable(name)) continue;
          const hint = closestName(name, variablePaths);
          run.issues.push(
            issueAt(loc, 'unknown-template-variable', `'{{ ${name} }}' in the '${variant.locale}' ${key} is not a known variable${hint ? ` (did you mean '${hint}'?)` : ''}`, [...at, key], 'warning'),
          );
        }
      }
    });
  });
}
