"""The shipped read what-the-evidence-shows, in English and Spanish."""

from exercises.catalogue import references as ref

READ = {
    "slug": "what-the-evidence-shows",
    "exercises": ["glute-bridge", "clamshell", "hip-flexor-stretch"],
    "sources": "\n".join([ref.HIP_REVIEW, ref.NICE_NG59, ref.OSULLIVAN_FACTS]),
    "en": {
        "title": "What the research shows, and what it doesn't",
        "summary": "Hip exercises can help a little, in the short term, alongside your other care.",
        "alt": "A 0 to 10 pain scale. A short arrow shows the average improvement in the studies, less than 1 point; a longer bracket shows the 2 points that people usually find meaningful.",
        "body": """It's fair to ask whether these exercises work. Here is an honest answer.

## What it shows

A review in 2023 brought together 8 trials with 508 people with low back pain. Adding hip strengthening or hip stretching to the usual back exercises helped with pain and with everyday activities **in the short term**.

## What it doesn't show

- **The benefit was modest.** On a pain scale of 0 to 10, the average improvement was less than 1 point. A change people usually find meaningful is about 2 points.
- **It didn't last in the studies.** No benefit was shown after several months.
- **The evidence is weak.** The trials were small, and their results varied.
- **None of this is a cure.** Exercise helps many people manage back pain. It doesn't make it disappear.

## So why do it?

Guidelines for low back pain put exercise at the heart of treatment: stretching, strengthening, yoga and similar. Hip exercises are one part of that, and they can only help if you do them. That is what HipMob is for.

HipMob supports the care your clinician gives you. It doesn't replace it, and it can't diagnose anything. If something worries you, talk to your clinician.
""",
    },
    "es": {
        "title": "Lo que muestra la investigación, y lo que no",
        "summary": "Los ejercicios de cadera pueden ayudar un poco, a corto plazo, junto con el resto de su tratamiento.",
        "alt": "Una escala de dolor de 0 a 10. Una flecha corta muestra la mejora media de los estudios, menos de 1 punto; un corchete más largo muestra los 2 puntos que la gente suele notar de verdad.",
        "body": """Es normal preguntarse si estos ejercicios funcionan. Esta es una respuesta sincera.

## Lo que muestra

Una revisión de 2023 reunió 8 ensayos con 508 personas con dolor lumbar. Añadir ejercicios de fuerza o estiramientos de cadera a los ejercicios de espalda habituales ayudó con el dolor y con las actividades del día a día **a corto plazo**.

## Lo que no muestra

- **La mejora fue pequeña.** En una escala de dolor de 0 a 10, la mejora media fue de menos de 1 punto. Un cambio que la gente suele notar de verdad es de unos 2 puntos.
- **En los estudios no duró.** Pasados varios meses no se vio ninguna mejora.
- **Las pruebas son débiles.** Los ensayos eran pequeños y sus resultados variaban.
- **Nada de esto es una cura.** El ejercicio ayuda a muchas personas a manejar el dolor de espalda. No hace que desaparezca.

## Entonces, ¿por qué hacerlos?

Las guías para el dolor lumbar ponen el ejercicio en el centro del tratamiento: estiramientos, fuerza, yoga y parecidos. Los ejercicios de cadera son una parte de eso, y solo pueden ayudar si usted los hace. Para eso está HipMob.

HipMob apoya la atención que le da su profesional sanitario. No la sustituye y no puede diagnosticar nada. Si algo le preocupa, hable con su profesional sanitario.
""",
    },
}
