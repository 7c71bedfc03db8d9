"""The shipped read why-hips, in English and Spanish."""

READ = {
    "slug": "why-hips",
    "exercises": [
        "hip-flexor-stretch",
        "ninety-ninety-switch",
        "figure-four-stretch",
        "butterfly-stretch",
        "hamstring-stretch",
    ],
    "sources": (
        "Roach et al.: hip movement in people with chronic low back pain — https://pmc.ncbi.nlm.nih.gov/articles/PMC4325283\n"
        "Prather et al.: hip range of motion in a back pain clinic — https://pmc.ncbi.nlm.nih.gov/articles/PMC8898168\n"
        "Ceballos-Laita et al. 2023, hip interventions in low back pain (review) — https://www.pubmed.gov/37037144/"
    ),
    "en": {
        "title": "Why your hips matter for your back",
        "summary": "When the hips are stiff, the lower back does their share of the moving.",
        "alt": "Two people bending forward. In grey, one rounds the lower back; in black, the other bends at the hips with a straight back, and the hips are highlighted.",
        "body": """Your hips and your lower back work as a team. When you bend to pick something up, get out of a chair or take a long stride, much of the movement should come from the hips.

If the hips are stiff, the lower back makes up the difference. It bends and twists more than it needs to, many times a day, and that extra work can keep a sore back sore.

## What studies have found

- People with long-lasting low back pain had about 11 degrees less backward movement at the hip than people without back pain.
- In one clinic, 8 in 10 people with low back pain could bend their hips less than usual, and those with the stiffest hips found daily life harder.

These studies show a link. They don't prove that stiff hips cause back pain. But they are one reason your clinician chose exercises that free up and strengthen your hips.

## What this means for you

- The stretches help your hips move through more of their range, so your back has less to do.
- The strength exercises help the muscles around your hips and middle hold you steady.
- You should feel a stretch or some effort around the hips, not pain in your back.
""",
    },
    "es": {
        "title": "Por qué sus caderas importan para su espalda",
        "summary": "Cuando las caderas están rígidas, la parte baja de la espalda hace el movimiento que les toca a ellas.",
        "alt": "Dos personas inclinándose hacia delante. En gris, una curva la parte baja de la espalda; en negro, la otra se dobla por las caderas con la espalda recta, y las caderas están resaltadas.",
        "body": """Las caderas y la parte baja de la espalda trabajan en equipo. Cuando usted se agacha a recoger algo, se levanta de una silla o da un paso largo, gran parte del movimiento debería salir de las caderas.

Si las caderas están rígidas, la parte baja de la espalda compensa. Se dobla y gira más de lo necesario, muchas veces al día, y ese trabajo de más puede hacer que el dolor de espalda no se vaya.

## Lo que han visto los estudios

- Las personas con dolor lumbar de larga duración movían la cadera hacia atrás unos 11 grados menos que las personas sin dolor de espalda.
- En una clínica, 8 de cada 10 personas con dolor lumbar doblaban las caderas menos de lo normal, y quienes tenían las caderas más rígidas tenían más dificultades en el día a día.

Estos estudios muestran una relación. No demuestran que las caderas rígidas causen el dolor de espalda. Pero son una de las razones por las que su profesional sanitario eligió ejercicios que dan movilidad y fuerza a sus caderas.

## Lo que esto significa para usted

- Los estiramientos ayudan a que sus caderas se muevan más, así su espalda tiene menos trabajo.
- Los ejercicios de fuerza ayudan a que los músculos de las caderas y del tronco le sostengan con firmeza.
- Debería notar un estiramiento o algo de esfuerzo alrededor de las caderas, no dolor en la espalda.
""",
    },
}
