/* Passerelle : le bouton « Imprimer » des pages faites pour être imprimées.
   Sans ce fichier le bouton reste caché : l'impression du navigateur suffit. */
document.querySelectorAll("[data-imprimer]").forEach((bouton) => {
    bouton.hidden = false;
    bouton.addEventListener("click", () => window.print());
});
