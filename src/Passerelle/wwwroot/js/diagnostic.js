/*
 * Passerelle: the evolution chart of the diagnostic of barriers.
 * The numbers come from the canvas's data-diagnostic attribute, which the server fills with exactly
 * what the table beside it shows; without this file (or Chart.js) the figure stays hidden and the
 * table remains the whole information.
 */
(function () {
    "use strict";

    // Colour is never the only cue: each theme also has its own point shape and line pattern.
    var couleurs = ["#14507a", "#b34700", "#1e7b3c", "#8c1d17", "#5b3f8c", "#006d75", "#7a5a00", "#a3195b", "#3d4a57", "#4f6b00"];
    var formes = ["circle", "rect", "triangle", "rectRot", "star", "crossRot", "rectRounded", "cross", "circle", "rect"];
    var tirets = [[], [6, 4], [2, 3], [10, 4, 2, 4], [], [6, 4], [2, 3], [10, 4, 2, 4], [12, 6], [4, 8]];

    function dessiner(canvas) {
        var donnees;
        try {
            donnees = JSON.parse(canvas.getAttribute("data-diagnostic") || "");
        } catch (e) {
            return;
        }

        var figure = canvas.closest("figure");
        if (figure) {
            figure.hidden = false;
        }

        var mouvementReduit = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        var niveaux = donnees.niveaux;
        new window.Chart(canvas, {
            type: "line",
            data: {
                labels: donnees.dates,
                datasets: donnees.series.map(function (serie, i) {
                    var couleur = couleurs[i % couleurs.length];
                    return {
                        label: serie.libelle,
                        data: serie.valeurs,
                        borderColor: couleur,
                        backgroundColor: couleur,
                        borderDash: tirets[i % tirets.length],
                        pointStyle: formes[i % formes.length],
                        pointRadius: 5,
                        pointHoverRadius: 7,
                        // A theme not evaluated on a date leaves a gap in the data: the line joins the evaluations around it.
                        spanGaps: true,
                        // Points on the Aucun and Bloquant lines are drawn whole, not cut by the chart area.
                        clip: false,
                        tension: 0
                    };
                })
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: mouvementReduit ? false : { duration: 400 },
                interaction: { mode: "nearest", intersect: false },
                scales: {
                    x: { offset: true, title: { display: true, text: "Date de l'évaluation" } },
                    y: {
                        min: 0,
                        max: niveaux.length - 1,
                        ticks: {
                            stepSize: 1,
                            callback: function (valeur) {
                                return niveaux[valeur] !== undefined ? niveaux[valeur] : "";
                            }
                        },
                        title: { display: true, text: "Niveau du frein" }
                    }
                },
                plugins: {
                    legend: { position: "bottom", labels: { usePointStyle: true } },
                    tooltip: {
                        callbacks: {
                            label: function (contexte) {
                                return contexte.dataset.label + " : " + niveaux[contexte.parsed.y];
                            }
                        }
                    }
                }
            }
        });
    }

    function initialiser() {
        if (typeof window.Chart !== "function") {
            return;
        }

        document.querySelectorAll("canvas[data-diagnostic]").forEach(dessiner);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", initialiser);
    } else {
        initialiser();
    }
}());
