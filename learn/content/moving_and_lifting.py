"""The shipped read moving-and-lifting, in English and Spanish."""

READ = {
    "slug": "moving-and-lifting",
    "exercises": ["deep-squat", "lunge-with-twist", "bird-dog", "dead-bug", "glute-bridge"],
    "sources": (
        "Assisted squat technique — http://virtualfitnesstrainer.com/exercise-instruction/squat-holding-on\n"
        "Lunge with a twist technique — https://golightweight.app/en/library/lunge-with-twist\n"
        "Bird dog: bracing the trunk — https://sarahkeatesandrews.com/Exercise+Database/Bird-Dog\n"
        "Health and Safety Executive, good handling technique — https://www.hse.gov.uk/msd/manual-handling/good-handling-technique.htm"
    ),
    "en": {
        "title": "Moving and lifting well",
        "summary": "Let your hips and legs do the work, keep loads close, and turn with your feet.",
        "alt": "A person lifting a box. In grey, they bend over from the back with the box far away; in black, they squat with the box held close to the body, with an arrow pointing up.",
        "body": """The habits that make your exercises safe also look after your back through the day.

## Bend at the hips and knees

To pick something up, sit your hips back and bend your knees, as in the assisted squat. Keep your hips, knees and toes in line and your heels down. Breathe out and squeeze your buttocks to stand up.

## Keep the load close

Hold things close to your body, near waist height. The further away a load is, the harder your back has to work.

## Turn with your feet

Twisting while you are bent over and holding something asks a lot of your back. Step your feet round instead. The lunge with a twist trains a controlled turn of the chest while the hips stay facing forward.

## Brace gently

Tightening your stomach a little, as in the bird dog and the dead bug, helps keep your back steady when you lift or carry.

## Take your time

Move smoothly, without jerking or bouncing. If something is too heavy, split the load, use a trolley, or ask for help.
""",
    },
    "es": {
        "title": "Moverse y levantar peso con cuidado",
        "summary": "Deje que las caderas y las piernas hagan el trabajo, mantenga la carga cerca y gire con los pies.",
        "alt": "Una persona levantando una caja. En gris, se inclina doblando la espalda con la caja lejos; en negro, se pone en cuclillas con la caja pegada al cuerpo, y una flecha apunta hacia arriba.",
        "body": """Los hábitos que hacen seguros sus ejercicios también cuidan su espalda a lo largo del día.

## Doble las caderas y las rodillas

Para recoger algo, lleve la cadera hacia atrás y doble las rodillas, como en la sentadilla con apoyo. Mantenga caderas, rodillas y puntas de los pies en línea y los talones en el suelo. Suelte el aire y apriete los glúteos para levantarse.

## Mantenga la carga cerca

Lleve las cosas pegadas al cuerpo, a la altura de la cintura. Cuanto más lejos está la carga, más tiene que trabajar la espalda.

## Gire con los pies

Girarse estando inclinado y con algo en las manos exige mucho a la espalda. Mejor mueva los pies para girar. La zancada con giro entrena un giro controlado del pecho mientras las caderas siguen mirando al frente.

## Apriete un poco el abdomen

Tensar un poco el abdomen, como en el perro de caza (bird dog) y el bicho muerto (dead bug), ayuda a mantener la espalda firme cuando levanta o lleva peso.

## Sin prisas

Muévase con suavidad, sin tirones ni rebotes. Si algo pesa demasiado, divida la carga, use un carrito o pida ayuda.
""",
    },
}
