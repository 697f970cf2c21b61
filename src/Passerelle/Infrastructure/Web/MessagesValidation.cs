using Microsoft.AspNetCore.Mvc;

namespace Passerelle.Infrastructure.Web;

/// <summary>French messages for values the model binder cannot read.</summary>
public static class MessagesValidation
{
    public static void Configurer(MvcOptions options)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((valeur, champ) => $"La valeur « {valeur} » n'est pas valide pour {champ}.");
        messages.SetMissingBindRequiredValueAccessor(champ => $"Le champ {champ} est obligatoire.");
        messages.SetMissingKeyOrValueAccessor(() => "Une valeur est obligatoire.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le corps de la requête est obligatoire.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(valeur => $"La valeur « {valeur} » n'est pas valide.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valide.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "La valeur doit être un nombre.");
        messages.SetUnknownValueIsInvalidAccessor(champ => $"La valeur saisie n'est pas valide pour {champ}.");
        messages.SetValueIsInvalidAccessor(valeur => $"La valeur « {valeur} » n'est pas valide.");
        messages.SetValueMustBeANumberAccessor(champ => $"{champ} doit être un nombre.");
        messages.SetValueMustNotBeNullAccessor(champ => $"Le champ {champ} est obligatoire.");
    }
}
