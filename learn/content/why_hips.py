"""The shipped read why-hips, in English and Spanish."""

from exercises.catalogue import references as ref

READ = {
    "slug": "why-hips",
    "exercises": [
        "hip-flexor-stretch",
        "ninety-ninety-switch",
        "figure-four-stretch",
        "butterfly-stretch",
        "hamstring-stretch",
    ],
    "sources": "\n".join([ref.ROACH_HIPS, ref.PRATHER_HIPS, ref.HIP_REVIEW]),
    "en": {
        "title": "Why your hips matter for your back",
        "summary": "When the hips are stiff, the lower back tends to do more of the moving.",
        "alt": "A person bends forward at the hips, and the hips are highlighted.",
        "body": """Your hips and your lower back work as a team. When you bend to pick something up, get out of a chair or take a long stride, much of the movement should come from the hips.

If the hips are stiff, the lower back tends to make up the difference. Your back is strong and made to bend and twist, so this does it no harm. But freeing up stiff hips can make everyday movements easier and more comfortable.

## What studies have found

- People with long-lasting low back pain had about 11 degrees less backward movement at the hip than people without back pain.
- In one clinic, 8 in 10 people with low back pain could bend their hips less than usual, and those with the stiffest hips found daily life harder.

These studies show a link. They don't prove that stiff hips cause back pain. But they are one reason your clinician chose exercises that free up and strengthen your hips.

## What this means for you

- The stretches help your hips move through more of their range.
- The strength exercises build the muscles around your hips and middle, so moving feels easier and steadier.
- You should mostly feel a stretch or some effort around the hips. Some discomfort in your back can happen and doesn't mean harm: [Normal soreness, or a warning sign?](/learn/soreness-or-warning-sign/) explains when to ease off.
""",
    },
    "es": {
        "title": "Por qué sus caderas importan para su espalda",
        "summary": "Cuando las caderas están rígidas, la parte baja de la espalda suele moverse más para compensar.",
        "alt": "Una persona se inclina hacia delante doblándose por las caderas, y las caderas están resaltadas.",
        "body": """Las caderas y la parte baja de la espalda trabajan en equipo. Cuando usted se agacha a recoger algo, se levanta de una silla o da un paso largo, gran parte del movimiento debería salir de las caderas.

Si las caderas están rígidas, la parte baja de la espalda suele compensar. Su espalda es fuerte y está hecha para doblarse y girar, así que esto no le hace daño. Pero dar movilidad a unas caderas rígidas puede hacer que los movimientos del día a día sean más fáciles y cómodos.

## Lo que han visto los estudios

- Las personas con dolor lumbar de larga duración movían la cadera hacia atrás unos 11 grados menos que las personas sin dolor de espalda.
- En una clínica, 8 de cada 10 personas con dolor lumbar doblaban las caderas menos de lo normal, y quienes tenían las caderas más rígidas tenían más dificultades en el día a día.

Estos estudios muestran una relación. No demuestran que las caderas rígidas causen el dolor de espalda. Pero son una de las razones por las que su profesional sanitario eligió ejercicios que dan movilidad y fuerza a sus caderas.

## Lo que esto significa para usted

- Los estiramientos ayudan a que sus caderas se muevan en todo su recorrido.
- Los ejercicios de fuerza fortalecen los músculos de las caderas y del tronco, para que moverse le resulte más fácil y firme.
- Lo normal es notar sobre todo un estiramiento o algo de esfuerzo alrededor de las caderas. Puede notar alguna molestia en la espalda, y eso no significa daño: [¿Molestia normal o señal de alarma?](/learn/soreness-or-warning-sign/) explica cuándo aflojar.
""",
    },
}
